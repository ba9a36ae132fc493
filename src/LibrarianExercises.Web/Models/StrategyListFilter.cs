using System.Globalization;

namespace LibrarianExercises.Web.Models;

/// <summary>What narrows an exercise list to part of the strategy, with the names its heading shows.</summary>
public sealed record StrategyListFilter(DirectionRef? Direction, InitiativeRef? Initiative)
{
    /// <summary>The filter as a query string without its "?", for the pager and the canonical address.</summary>
    public string Query => string.Join(
        "&",
        new[]
        {
            Direction is { } d ? "direction=" + d.Number.ToString(CultureInfo.InvariantCulture) : null,
            Initiative is { } i ? "initiative=" + Uri.EscapeDataString(i.Code) : null,
        }.OfType<string>());
}
