using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace LibrarianExercises.Web.Data;

public class LibrarianDbContext(DbContextOptions<LibrarianDbContext> options) : DbContext(options)
{
    public DbSet<Exercise> Exercises => Set<Exercise>();

    public DbSet<Tag> Tags => Set<Tag>();

    public DbSet<StrategyVersion> StrategyVersions => Set<StrategyVersion>();

    public DbSet<StrategicDirection> StrategicDirections => Set<StrategicDirection>();

    public DbSet<KeyInitiative> KeyInitiatives => Set<KeyInitiative>();

    public DbSet<ExerciseInitiative> ExerciseInitiatives => Set<ExerciseInitiative>();

    public DbSet<Response> Responses => Set<Response>();

    protected override void OnModelCreating(ModelBuilder modelBuilder) =>
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(LibrarianDbContext).Assembly);

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Every time is written in UTC; SQLite keeps no kind, so say so on the way back.
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
    }

    private sealed class UtcDateTimeConverter() : ValueConverter<DateTime, DateTime>(
        v => v.Kind == DateTimeKind.Utc ? v : v.ToUniversalTime(),
        v => DateTime.SpecifyKind(v, DateTimeKind.Utc));
}
