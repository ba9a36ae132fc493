using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace LibrarianExercises.Web.Data.PostgreSql;

/// <summary>
/// The context the EF tools use for PostgreSQL's migrations. Adding a migration or checking for model changes needs
/// no server, so the connection string is never opened.
/// </summary>
internal sealed class DesignTimePostgreSqlContext : IDesignTimeDbContextFactory<PostgreSqlLibrarianDbContext>
{
    public PostgreSqlLibrarianDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgreSqlLibrarianDbContext>().UseNpgsql("Host=localhost").Options);
}
