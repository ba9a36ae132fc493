namespace LibrarianExercises.Web.Resources;

/// <summary>
/// The strategy's wording in the site's other languages: the edition's title, summary (vision and mission) and source
/// note, its strategic directions and its key initiatives, in StrategyText.{language}.resx. Each key is the English text
/// exactly as the strategy file (Content/Strategy) holds it, so a text an editor has changed since (an initiative's
/// name) finds no translation and shows as the editor wrote it (see StrategyNames). There is no English file: English
/// is the data itself.
/// </summary>
public sealed class StrategyText;
