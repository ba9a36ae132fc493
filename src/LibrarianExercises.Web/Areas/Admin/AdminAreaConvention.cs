using LibrarianExercises.Web.Services.Editors;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.ApplicationModels;

namespace LibrarianExercises.Web.Areas.Admin;

/// <summary>
/// Everything in the Admin area needs the editor policy, set here once for the area rather than on each
/// controller, so that a new page cannot be added without it. A test enumerates the endpoints to prove it.
/// </summary>
public sealed class AdminAreaConvention : IControllerModelConvention
{
    public const string AreaName = "Admin";

    public void Apply(ControllerModel controller)
    {
        ArgumentNullException.ThrowIfNull(controller);
        if (!controller.RouteValues.TryGetValue("area", out var area) || area != AreaName)
        {
            return;
        }

        foreach (var selector in controller.Actions.SelectMany(a => a.Selectors))
        {
            selector.EndpointMetadata.Add(new AuthorizeAttribute(EditorRegistration.EditorPolicy));
        }
    }
}
