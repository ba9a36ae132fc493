namespace LibrarianExercises.Web.Resources;

/// <summary>
/// IFLA's own translations of the strategy's names (its title, strategic directions and key initiatives):
/// StrategyText.{language}.resx, each key the English name as the strategy data holds it. Only IFLA's published
/// wording belongs here; a name without it is shown in English, marked as English (see StrategyNames).
/// </summary>
public sealed class StrategyText;
