using LibrarianExercises.Web.Data;

namespace LibrarianExercises.Web.Services;

/// <summary>
/// The instance's stored secrets (<see cref="InstanceSecret"/>), read once at start-up by
/// <see cref="DatabaseInitializer"/> after it has made any that were missing: they never change while the application
/// runs, every instance on the same database reads the same ones, and no request waits on the database for them.
/// </summary>
public sealed class InstanceSecrets
{
    private volatile IReadOnlyDictionary<string, byte[]>? _loaded;

    public byte[] Get(string name) =>
        _loaded is not { } loaded
            ? throw new InvalidOperationException("The instance secrets are not loaded: the database was not initialised.")
            : loaded.TryGetValue(name, out var secret)
                ? secret
                : throw new InvalidOperationException($"The instance secret '{name}' is missing from the database.");

    internal void Load(IEnumerable<InstanceSecret> stored) =>
        _loaded = stored.ToDictionary(s => s.Name, s => Convert.FromBase64String(s.Value), StringComparer.Ordinal);
}
