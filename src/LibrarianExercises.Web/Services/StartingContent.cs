namespace LibrarianExercises.Web.Services;

/// <summary>Reads the data shipped inside the application (see Content/README.md).</summary>
public static class StartingContent
{
    public const string SeedListing = "tag-archive-community-engagement.txt";
    public const string Strategy20192024 = "ifla-strategy-2019-2024.json";
    public const string CountryCodes = "iso-3166-1-alpha-2.txt";
    public const string CommonPasswords = "common-passwords.txt";

    public static Stream Open(string fileName)
    {
        var assembly = typeof(StartingContent).Assembly;
        var name = assembly.GetManifestResourceNames().Single(n => n.EndsWith("." + fileName, StringComparison.Ordinal));
        return assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"The embedded file {fileName} is missing.");
    }

    public static string ReadText(string fileName)
    {
        using var reader = new StreamReader(Open(fileName));
        return reader.ReadToEnd();
    }
}
