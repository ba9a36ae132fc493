using System.Text.Json;
using LibrarianExercises.Web.Services.Languages;

namespace LibrarianExercises.Tests.Web;

/// <summary>
/// What the app's build gives every deployment: read from the web project's own deps.json and runtimeconfig.json,
/// which the build copies next to the tests.
/// </summary>
public sealed class DeploymentSettingsTests
{
    private static JsonDocument WebFile(string extension) =>
        JsonDocument.Parse(File.ReadAllText(Path.ChangeExtension(typeof(Program).Assembly.Location, extension)));

    [Fact]
    public void OnlyTheSitesLanguagesLocaleDataIsShipped()
    {
        using var deps = WebFile(".deps.json");
        var cultures = deps.RootElement.GetProperty("targets").EnumerateObject()
            .SelectMany(target => target.Value.EnumerateObject())
            .Where(library => library.Name.StartsWith("ICU4N", StringComparison.Ordinal) && library.Value.TryGetProperty("resources", out _))
            .SelectMany(library => library.Value.GetProperty("resources").EnumerateObject())
            .Select(resource => resource.Value.GetProperty("locale").GetString())
            .ToHashSet(StringComparer.Ordinal);

        Assert.Equal(SiteLanguages.All.Select(language => language.Code).Order(StringComparer.Ordinal), cultures.Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("System.GC.Server", false)]
    [InlineData("System.GC.Concurrent", true)]
    [InlineData("System.Runtime.TieredPGO", false)]
    public void TheRuntimeSettingsAreTheAppsOwn(string setting, bool expected)
    {
        using var runtimeConfig = WebFile(".runtimeconfig.json");
        var properties = runtimeConfig.RootElement.GetProperty("runtimeOptions").GetProperty("configProperties");

        // Concurrent collection is the runtime's default: absent means on.
        var value = properties.TryGetProperty(setting, out var set) ? set.GetBoolean() : setting == "System.GC.Concurrent";
        Assert.Equal(expected, value);
    }
}
