using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace LibrarianExercises.Web.Data;

/// <summary>
/// The collection, the editors' accounts (ASP.NET Core Identity), the audit trail and the Data Protection keys, in
/// one database: every instance and every restart finds the same keys, so sign-ins and open forms survive both.
/// </summary>
public class LibrarianDbContext : IdentityDbContext<IdentityUser>, IDataProtectionKeyContext
{
    public LibrarianDbContext(DbContextOptions<LibrarianDbContext> options)
        : base(options)
    {
    }

    /// <summary>For a provider's own context type, which keeps that provider's migrations apart.</summary>
    protected LibrarianDbContext(DbContextOptions options)
        : base(options)
    {
    }

    public DbSet<Exercise> Exercises => Set<Exercise>();

    public DbSet<Tag> Tags => Set<Tag>();

    public DbSet<StrategyVersion> StrategyVersions => Set<StrategyVersion>();

    public DbSet<StrategicDirection> StrategicDirections => Set<StrategicDirection>();

    public DbSet<KeyInitiative> KeyInitiatives => Set<KeyInitiative>();

    public DbSet<ExerciseInitiative> ExerciseInitiatives => Set<ExerciseInitiative>();

    public DbSet<Response> Responses => Set<Response>();

    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();

    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    public DbSet<InstanceSecret> InstanceSecrets => Set<InstanceSecret>();

    public DbSet<ChangeStamp> ChangeStamps => Set<ChangeStamp>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(LibrarianDbContext).Assembly);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Every time is written in UTC; SQLite keeps no kind, so say so on the way back.
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
    }

    internal sealed class UtcDateTimeConverter() : ValueConverter<DateTime, DateTime>(
        v => v.Kind == DateTimeKind.Utc ? v : v.ToUniversalTime(),
        v => DateTime.SpecifyKind(v, DateTimeKind.Utc));
}
