using LibrarianExercises.Tests.Infrastructure;
using LibrarianExercises.Web.Data;
using LibrarianExercises.Web.Services.Search;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace LibrarianExercises.Tests.Web;

public sealed class DatabaseProviderTests
{
    [Fact]
    public async Task TheSiteRunsOnTheConfiguredProvider()
    {
        await using var app = new LibrarianAppFactory();

        Assert.Equal(TestDatabase.SuiteProvider, app.Services.GetRequiredService<LibraryDatabase>().Provider);
        var providerName = await app.WithDbAsync(db => Task.FromResult(db.Database.ProviderName));
        Assert.Equal(TestDatabase.IsPostgreSql ? "Npgsql.EntityFrameworkCore.PostgreSQL" : "Microsoft.EntityFrameworkCore.Sqlite", providerName);
    }

    [Theory]
    [InlineData(null, DatabaseProvider.Sqlite)]
    [InlineData("", DatabaseProvider.Sqlite)]
    [InlineData("Sqlite", DatabaseProvider.Sqlite)]
    [InlineData("postgresql", DatabaseProvider.PostgreSql)]
    [InlineData(" PostgreSql ", DatabaseProvider.PostgreSql)]
    public void TheProviderIsNamedInAnyCaseAndSqliteUnlessNamed(string? configured, DatabaseProvider expected) =>
        Assert.Equal(expected, LibraryDatabase.ProviderOf(Configuration(configured)));

    [Theory]
    [InlineData("1")]
    [InlineData("Sqlite,PostgreSql")]
    [InlineData("Oracle")]
    public void AProviderTheAppDoesNotKnowIsRefusedWithTheChoices(string configured)
    {
        var error = Assert.Throws<InvalidOperationException>(() => LibraryDatabase.ProviderOf(Configuration(configured)));

        Assert.Contains($"Database:Provider is '{configured}'", error.Message, StringComparison.Ordinal);
        Assert.Contains("Sqlite, PostgreSql", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnUnknownProviderStopsTheStart()
    {
        var error = await LibrarianAppFactory.StartFailureAsync(app => app.Settings[LibraryDatabase.ProviderKey] = "Oracle");

        Assert.Contains("Database:Provider is 'Oracle'", error.GetBaseException().Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AConnectionStringPostgreSqlCannotReadStopsTheStartNamingTheSetting()
    {
        var error = await LibrarianAppFactory.StartFailureAsync(app =>
        {
            app.Settings[LibraryDatabase.ProviderKey] = "PostgreSql";
            app.Settings["ConnectionStrings:Library"] = "Data Source=App_Data/library.db";
        });

        // The provider's own complaint is kept as the inner exception.
        Assert.Contains("ConnectionStrings:Library is not a PostgreSQL connection string", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void OnPostgreSqlOnlyRunsHoldingAWholeWordOfTheQueryStayMarked()
    {
        // ts_headline marks 馆 in 图书馆 too, for the query 馆藏; only 馆藏 itself is a match.
        const char start = SearchText.MatchStart, end = SearchText.MatchEnd, apart = SearchText.Separator;
        var marked = $"图{apart}书{apart}{start}馆{end}{apart}为{apart}{start}馆{end}{apart}{start}藏{end}";

        var shown = new PostgreSqlSearchIndex().Marks(marked, SearchQuery.Parse("馆藏"));

        Assert.Equal($"图{apart}书{apart}馆{apart}为{apart}{start}馆{end}{apart}{start}藏{end}", shown);
        Assert.Equal("bibliothèque " + start + "Lyon" + end, new PostgreSqlSearchIndex().Marks("bibliothèque " + start + "Lyon" + end, SearchQuery.Parse("lyon 馆藏")));
    }

    private static IConfiguration Configuration(string? provider) =>
        new ConfigurationBuilder().AddInMemoryCollection([new(LibraryDatabase.ProviderKey, provider)]).Build();
}
