using Microsoft.EntityFrameworkCore;

namespace LibrarianExercises.Web.Data.PostgreSql;

/// <summary>
/// The one model on PostgreSQL. A context type of its own so that PostgreSQL's migrations (in
/// Data/PostgreSql/Migrations) are kept apart from SQLite's, as EF Core does for several providers; everything in the
/// app asks for <see cref="LibrarianDbContext"/>.
/// </summary>
public sealed class PostgreSqlLibrarianDbContext(DbContextOptions<PostgreSqlLibrarianDbContext> options) : LibrarianDbContext(options)
{
}
