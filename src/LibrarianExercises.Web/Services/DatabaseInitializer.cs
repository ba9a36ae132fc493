using LibrarianExercises.Web.Data;
using LibrarianExercises.Web.Services.Importing;
using LibrarianExercises.Web.Services.Search;
using LibrarianExercises.Web.Services.Strategy;
using Microsoft.EntityFrameworkCore;

namespace LibrarianExercises.Web.Services;

/// <summary>Brings the database up to date at start-up and gives an empty one its starting content.</summary>
public sealed class DatabaseInitializer(
    LibrarianDbContext db,
    LibraryDatabase database,
    SearchIndex search,
    StrategySeeder strategySeeder,
    ExerciseImporter importer,
    InstanceSecrets secrets,
    ILogger<DatabaseInitializer> logger)
{
    public async Task InitializeAsync(CancellationToken cancellationToken)
    {
        await using var startLock = await database.LockForStartAsync(db, cancellationToken);
        await database.BeforeMigrateAsync(db, cancellationToken);
        await db.Database.MigrateAsync(cancellationToken);
        await database.AfterMigrateAsync(db, cancellationToken);

        foreach (var name in InstanceSecret.All)
        {
            // Made once and kept with the keys, so that rate limits, held-response caps and open forms survive
            // restarts, and every instance on the database agrees: of two instances starting together, the first to
            // write a secret makes it, and both read that one.
            var value = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));
            await db.Database.ExecuteSqlAsync(
                $"""INSERT INTO "InstanceSecrets" ("Name", "Value") VALUES ({name}, {value}) ON CONFLICT ("Name") DO NOTHING""",
                cancellationToken);
        }

        secrets.Load(await db.InstanceSecrets.AsNoTracking().ToListAsync(cancellationToken));

        // What other tools wrote while the app was stopped.
        await search.CatchUpAsync(db, cancellationToken);
        if (await search.RefreshLabelsAsync(db, cancellationToken))
        {
            logger.LogInformation("Indexed the key initiatives' names for search with this release's translations");
        }

        try
        {
            await using (var strategy = StartingContent.Open(StartingContent.Strategy20192024))
            {
                if (await strategySeeder.SeedAsync(strategy, cancellationToken))
                {
                    logger.LogInformation("Seeded the IFLA Strategy {StrategyVersion}", StrategySeeder.ExerciseSeriesVersionKey);
                }
            }

            if (!await db.Exercises.AnyAsync(cancellationToken))
            {
                var report = await importer.ImportAsync(StartingContent.ReadText(StartingContent.SeedListing), dryRun: false, "starting content", cancellationToken);
                logger.LogInformation("Loaded {ExerciseCount} starting exercises", report.Exercises.Count);
            }
        }
        catch (DbUpdateException e) when (DatabaseErrors.IsUniqueViolation(e))
        {
            // Another instance starting on the same new database gave it the starting content first; its rows stand
            // and this instance's attempt was rolled back whole.
            db.ChangeTracker.Clear();
            logger.LogInformation("Another instance gave the database its starting content");
        }
    }
}
