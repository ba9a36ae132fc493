using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace LibrarianExercises.Web.Models;

/// <summary>
/// Reads a check box as browsers send it: ticked when any value sent is "true" (the box's value, sent before the
/// hidden "false" that follows it) or "on" (a box without a value). Anything else, from "false" to a date or 100 KB of
/// noise, is an unticked box; never a binding error.
/// </summary>
/// <remarks>
/// The default binder keeps a value it cannot read as the field's attempted value, and the check box helper then
/// fails with a FormatException when the refused form is shown again. Here the value kept is the boolean itself.
/// </remarks>
public sealed class CheckBoxBinder : IModelBinder
{
    public Task BindModelAsync(ModelBindingContext bindingContext)
    {
        ArgumentNullException.ThrowIfNull(bindingContext);
        var sent = bindingContext.ValueProvider.GetValue(bindingContext.ModelName);
        if (sent == ValueProviderResult.None)
        {
            return Task.CompletedTask;
        }

        var ticked = sent.Values.Any(IsTicked);
        bindingContext.ModelState.SetModelValue(bindingContext.ModelName, ticked, ticked ? "true" : "false");
        bindingContext.Result = ModelBindingResult.Success(ticked);
        return Task.CompletedTask;
    }

    private static bool IsTicked(string? value) =>
        value?.Trim() is { } trimmed
        && (trimmed.Equals("true", StringComparison.OrdinalIgnoreCase) || trimmed.Equals("on", StringComparison.OrdinalIgnoreCase));
}
