using System.Globalization;
using LibrarianExercises.Tests.Infrastructure;
using LibrarianExercises.Web.Data;
using LibrarianExercises.Web.Data.CompiledModel;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.Extensions.DependencyInjection;

namespace LibrarianExercises.Tests.Web;

/// <summary>
/// The site runs on the model compiled ahead in <c>Data/CompiledModel</c> and skips, at start-up, the comparison of
/// the migrations with the configured model (it would build the model the compiled one spares). So these tests hold
/// both in step: the compiled model says what the configurations say, and the migrations build that model.
/// </summary>
public sealed class CompiledModelTests
{
    private const string Regenerate =
        "the compiled model is out of date: run `dotnet ef dbcontext optimize --project src/LibrarianExercises.Web --context LibrarianExercises.Web.Data.LibrarianDbContext "
        + "--output-dir Data/CompiledModel --namespace LibrarianExercises.Web.Data.CompiledModel`";

    [SqliteFact]
    public async Task TheSiteRunsOnTheCompiledModel()
    {
        await using var factory = new LibrarianAppFactory();
        var model = await factory.WithDbAsync(db => Task.FromResult(db.Model));

        Assert.IsType<LibrarianDbContextModel>(model);
    }

    [Fact]
    public void TheCompiledModelSaysWhatTheConfigurationsSay()
    {
        using var db = ConfiguredContext();
        var configured = db.GetService<IDesignTimeModel>().Model;
        var compiled = LibrarianDbContextModel.Instance;

        var expected = Describe(configured);
        var actual = Describe(compiled);

        Assert.True(expected.Count > 100, "the description should cover every entity, property, key, index and table");
        Assert.True(expected.SequenceEqual(actual), Regenerate + "\nmissing: " + string.Join("; ", expected.Except(actual).Take(10))
            + "\nextra: " + string.Join("; ", actual.Except(expected).Take(10)));
    }

    [Fact]
    public void TheMigrationsBuildTheConfiguredModel()
    {
        using var db = ConfiguredContext();

        Assert.False(
            db.Database.HasPendingModelChanges(),
            "the model has changed since the last migration: add one with `dotnet ef migrations add NAME --project src/LibrarianExercises.Web --context LibrarianExercises.Web.Data.LibrarianDbContext --output-dir Data/Migrations`");
    }

    /// <summary>A context on the model built from the configurations, as the EF tools build it.</summary>
    private static LibrarianDbContext ConfiguredContext() =>
        new(new DbContextOptionsBuilder<LibrarianDbContext>().UseSqlite("Data Source=:memory:").Options);

    /// <summary>
    /// Every fact of the model that the site relies on, one sorted line each: the entities as EF maps them (properties,
    /// conversions, keys, relationships, indexes, navigations) and the tables as SQLite gets them.
    /// </summary>
    private static List<string> Describe(IModel model)
    {
        var lines = new List<string>();
        foreach (var entity in model.GetEntityTypes())
        {
            var e = entity.Name;
            lines.Add($"entity {e} table {entity.GetTableName()} base {entity.BaseType?.Name}");
            foreach (var p in entity.GetProperties())
            {
                lines.Add(string.Create(
                    CultureInfo.InvariantCulture,
                    $"property {e}.{p.Name} {p.ClrType} nullable {p.IsNullable} max {p.GetMaxLength()} generated {p.ValueGenerated} "
                    + $"converter {p.GetValueConverter()?.GetType().FullName} provider {p.GetProviderClrType()} concurrency {p.IsConcurrencyToken} "
                    + $"field {p.FieldInfo?.Name}"));
            }

            foreach (var key in entity.GetKeys())
            {
                lines.Add($"key {e} ({Names(key.Properties)}) primary {key.IsPrimaryKey()}");
            }

            foreach (var fk in entity.GetForeignKeys())
            {
                lines.Add($"foreign key {e} ({Names(fk.Properties)}) to {fk.PrincipalEntityType.Name} ({Names(fk.PrincipalKey.Properties)}) "
                    + $"required {fk.IsRequired} unique {fk.IsUnique} delete {fk.DeleteBehavior} "
                    + $"navigations {fk.DependentToPrincipal?.Name}/{fk.PrincipalToDependent?.Name}");
            }

            foreach (var index in entity.GetIndexes())
            {
                lines.Add($"index {e} {index.Name} ({Names(index.Properties)}) unique {index.IsUnique}");
            }

            foreach (var navigation in entity.GetSkipNavigations())
            {
                lines.Add($"skip navigation {e}.{navigation.Name} to {navigation.TargetEntityType.Name} via {navigation.JoinEntityType.Name}");
            }
        }

        foreach (var table in model.GetRelationalModel().Tables)
        {
            foreach (var column in table.Columns)
            {
                lines.Add($"column {table.Name}.{column.Name} {column.StoreType} nullable {column.IsNullable} default {column.DefaultValueSql ?? column.DefaultValue} computed {column.ComputedColumnSql}");
            }

            foreach (var index in table.Indexes)
            {
                lines.Add($"table index {table.Name}.{index.Name} ({string.Join(", ", index.Columns.Select(c => c.Name))}) unique {index.IsUnique} filter {index.Filter}");
            }

            foreach (var fk in table.ForeignKeyConstraints)
            {
                lines.Add($"constraint {table.Name}.{fk.Name} ({string.Join(", ", fk.Columns.Select(c => c.Name))}) to {fk.PrincipalTable.Name} on delete {fk.OnDeleteAction}");
            }

            lines.Add($"primary key {table.Name}.{table.PrimaryKey?.Name} ({string.Join(", ", table.PrimaryKey?.Columns.Select(c => c.Name) ?? [])})");
        }

        lines.Sort(StringComparer.Ordinal);
        return lines;
    }

    private static string Names(IEnumerable<IReadOnlyProperty> properties) => string.Join(", ", properties.Select(p => p.Name));
}
