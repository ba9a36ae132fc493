using System.ComponentModel.DataAnnotations;
using System.Globalization;
using LibrarianExercises.Web.Models;
using LibrarianExercises.Web.Resources;
using LibrarianExercises.Web.Services.Exercises;
using Microsoft.Extensions.Localization;

namespace LibrarianExercises.Web.Areas.Admin.Models;

/// <summary>
/// An exercise as the editor types it. Number and date arrive as text and are read here, so that a wrong value
/// gets its own message beside the field instead of a binding error.
/// </summary>
public sealed class ExerciseForm : IValidatableObject
{
    public const int TitleMaxLength = 300;
    public const int TextMaxLength = 50_000;
    public const int TagsMaxLength = 2_000;
    public const int SourceUrlMaxLength = 2_000;

    // Commas and semicolons of the scripts IFLA works in, and line breaks, separate tags.
    private static readonly char[] TagSeparators = [',', ';', '\n', '\r', '،', '؛', '，', '、', '；'];

    [Display(Name = "Number")]
    [Required(ErrorMessage = "Please give the exercise’s number.")]
    public string? Number { get; set; }

    [Display(Name = "Title")]
    [Required(ErrorMessage = "Please give the exercise a title.")]
    [StringLength(TitleMaxLength, ErrorMessage = "Please keep the title to {1} characters or fewer.")]
    public string? Title { get; set; }

    [Display(Name = "Text")]
    [Required(ErrorMessage = "Please write the exercise’s text.")]
    [StringLength(TextMaxLength, ErrorMessage = "Please keep the text to {1} characters or fewer.")]
    public string? Text
    {
        get;
        set => field = value?.ReplaceLineEndings("\n");
    }

    [Display(Name = "Tags")]
    [StringLength(TagsMaxLength, ErrorMessage = "Please keep the tags to {1} characters in all.")]
    public string? Tags { get; set; }

    [Display(Name = "IFLA Strategy key initiatives")]
    public List<string> Initiatives { get; set; } = [];

    [Display(Name = "Publication date")]
    public string? PublishedOn { get; set; }

    [Display(Name = "Source address")]
    [StringLength(SourceUrlMaxLength, ErrorMessage = "Please keep the address to {1} characters or fewer.")]
    public string? SourceUrl { get; set; }

    public int ParsedNumber => ExerciseNumber.TryParse(Number?.Trim().TrimStart('#'), out var number) ? number.Value : 0;

    public IReadOnlyList<string> TagNames =>
        [.. (Tags ?? "").Split(TagSeparators, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(t => SlugGenerator.Slugify(t).Length > 0)];

    public DateOnly? ParsedPublishedOn =>
        DateOnly.TryParseExact(PublishedOn?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null;

    public ExerciseDraft ToDraft() => new(
        ParsedNumber,
        Title!.Trim(),
        Text!.Trim(),
        TagNames,
        [.. Initiatives.Where(c => c.Length > 0).Distinct(StringComparer.Ordinal)],
        ParsedPublishedOn,
        string.IsNullOrWhiteSpace(SourceUrl) ? null : SourceUrl.Trim());

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        ArgumentNullException.ThrowIfNull(validationContext);
        var text = validationContext.GetRequiredService<IStringLocalizer<AdminText>>();
        if (Number is { Length: > 0 } && ParsedNumber == 0)
        {
            yield return new ValidationResult(text["Exercise numbers are whole numbers from 1 to {0}, such as 90.", ExerciseNumber.Highest], [nameof(Number)]);
        }

        if (Title is not null && string.IsNullOrWhiteSpace(Title))
        {
            yield return new ValidationResult(text["Please give the exercise a title."], [nameof(Title)]);
        }

        if (Text is not null && string.IsNullOrWhiteSpace(Text))
        {
            yield return new ValidationResult(text["Please write the exercise’s text."], [nameof(Text)]);
        }

        if (!string.IsNullOrWhiteSpace(PublishedOn) && ParsedPublishedOn is null)
        {
            yield return new ValidationResult(text["Please give the date as year-month-day, such as 2024-05-31."], [nameof(PublishedOn)]);
        }

        if (!string.IsNullOrWhiteSpace(SourceUrl) && !IsWebAddress(SourceUrl.Trim()))
        {
            yield return new ValidationResult(text["The source must be a full web address starting with http:// or https://."], [nameof(SourceUrl)]);
        }

        if (TagNames.Any(t => t.Length > 200))
        {
            yield return new ValidationResult(text["Please keep each tag to {0} characters or fewer.", 200], [nameof(Tags)]);
        }

        // A control character (a NUL, say) pasted from elsewhere: no database keeps it as typed, and PostgreSQL
        // refuses it outright.
        foreach (var (value, field) in new[] { (Title, nameof(Title)), (Text, nameof(Text)), (Tags, nameof(Tags)), (SourceUrl, nameof(SourceUrl)) })
        {
            if (!StorableText.IsStorable(value))
            {
                yield return new ValidationResult(text["This contains a character that cannot be stored (an invisible control character). Please remove it."], [field]);
            }
        }

        foreach (var code in Initiatives.Where(c => c.Length > 0 && !RouteValues.TryParseInitiativeCode(c, out _)))
        {
            yield return new ValidationResult(text["“{0}” is not a key initiative code.", code], [nameof(Initiatives)]);
        }
    }

    private static bool IsWebAddress(string text) =>
        Uri.TryCreate(text, UriKind.Absolute, out var uri)
        && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
        && text.StartsWith(uri.Scheme + "://", StringComparison.OrdinalIgnoreCase)
        && uri.Host.Length > 0;
}

public enum ExerciseEditorMode
{
    Create,
    Edit,
}

/// <param name="PreviewHtml">The text rendered by the public page's own renderer, when the editor asked for a preview.</param>
public sealed record ExerciseEditorViewModel(
    ExerciseEditorMode Mode,
    int? OriginalNumber,
    ExerciseForm Form,
    IReadOnlyList<InitiativeOption> InitiativeOptions,
    string? PreviewHtml,
    ExerciseAdminState? State);


public sealed record AdminExerciseListViewModel(PagedList<AdminExerciseRow> Exercises, string? Number, string? Text, ExerciseStatusFilter Status, PagerModel Pager);
