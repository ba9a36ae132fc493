using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace LibrarianExercises.Web.Data;

/// <summary>
/// A compiled query for each model it runs against. EF binds a compiled query to the first model it meets, and one
/// process may hold two: SQLite's and PostgreSQL's, as when a site is copied from one to the other.
/// </summary>
internal sealed class CompiledPerModel<TQuery>(Func<TQuery> compile)
    where TQuery : class
{
    private readonly ConditionalWeakTable<IModel, TQuery> _queries = [];

    public TQuery For(DbContext db) => _queries.GetValue(db.Model, _ => compile());
}
