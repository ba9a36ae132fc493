namespace LibrarianExercises.Web.Data;

/// <summary>
/// A secret the application makes once and keeps with its Data Protection keys, so that every instance and every
/// restart shares it (the salt of client-address hashes, the key that signs response forms' tokens).
/// </summary>
public class InstanceSecret
{
    public const string ClientHashSalt = "client-hash-salt";

    public const string FormTokenKey = "form-token-key";

    /// <summary>Every secret the database is given when it is initialised.</summary>
    public static readonly IReadOnlyList<string> All = [ClientHashSalt, FormTokenKey];

    public required string Name { get; set; }

    public required string Value { get; set; }
}
