using System.Globalization;
using LibrarianExercises.Web.Data;

namespace LibrarianExercises.Web.Services.Copying;

/// <summary>
/// <c>copy-database PROVIDER CONNECTION_STRING</c>: copies the configured database into an empty one, of the same
/// provider or the other, and prints every table's rows on both sides. Moving a site from SQLite to PostgreSQL (or
/// back) is this, then pointing the site at the new database (docs/operations.md).
/// </summary>
public static class CopyDatabaseCommand
{
    public const string Verb = "copy-database";

    /// <returns>0 when every table has as many rows in the copy, 1 when refused or different, 2 for a usage error.</returns>
    public static async Task<int> RunAsync(IServiceProvider services, string[] args, TextWriter output, TextWriter errors)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(errors);
        var positional = args.Where(a => !CommandLine.IsSetting(a)).ToList();
        var usage = $"Usage: {Verb} PROVIDER CONNECTION_STRING   (PROVIDER is {string.Join(" or ", Enum.GetNames<DatabaseProvider>())}; the target must be empty)";
        if (positional.Count != 2)
        {
            await errors.WriteLineAsync(usage);
            return 2;
        }

        LibraryDatabase target;
        try
        {
            var provider = LibraryDatabase.TryParseProvider(positional[0], out var named)
                ? named
                : throw new InvalidOperationException($"“{positional[0]}” is not a provider.");
            target = LibraryDatabase.Create(provider, positional[1], services.GetRequiredService<IHostEnvironment>());
        }
        catch (Exception e) when (e is InvalidOperationException or ArgumentException)
        {
            await errors.WriteLineAsync(e.Message);
            await errors.WriteLineAsync(usage);
            return 2;
        }

        var source = services.GetRequiredService<LibraryDatabase>();
        if (source.Provider == target.Provider && source.ConnectionString == target.ConnectionString)
        {
            await errors.WriteLineAsync("The target is the configured database itself.");
            return 2;
        }

        var report = await DatabaseCopy.CopyAsync(source, target, CancellationToken.None);
        if (report.Refused is { } refused)
        {
            await errors.WriteLineAsync(refused);
            return 1;
        }

        var width = Math.Max(5, report.Tables.Max(t => t.Table.Length));
        await output.WriteLineAsync($"{"table".PadRight(width)}  {"source",10}  {"copy",10}");
        foreach (var table in report.Tables)
        {
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"{table.Table.PadRight(width)}  {table.Source,10}  {table.Target,10}{(table.Matches ? "" : "  DIFFERENT")}"));
        }

        var different = report.Tables.Count(t => !t.Matches);
        await output.WriteLineAsync(different == 0
            ? $"Copied {report.Tables.Sum(t => t.Target)} rows in {report.Tables.Count} tables to {target.Provider}."
            : $"{different} tables differ: the copy is not complete.");
        return different == 0 ? 0 : 1;
    }
}
