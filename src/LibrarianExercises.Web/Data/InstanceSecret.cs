namespace LibrarianExercises.Web.Data;

/// <summary>
/// A secret the application makes once and keeps with its Data Protection keys, so that every instance and every
/// restart shares it (the salt of client-address hashes, for one).
/// </summary>
public class InstanceSecret
{
    public const string ClientHashSalt = "client-hash-salt";

    public required string Name { get; set; }

    public required string Value { get; set; }
}
