using LibrarianExercises.Web.Services.Exercises;

namespace LibrarianExercises.Tests.Web;

public sealed class SlugGeneratorTests
{
    [Theory]
    [InlineData("community engagement", "community-engagement")]
    [InlineData("Assess your community’s needs", "assess-your-communitys-needs")]
    [InlineData("(Re)read the Manifesto!", "re-read-the-manifesto")]
    [InlineData("社区参与", "社区参与")]
    [InlineData("المشاركة المجتمعية", "المشاركة-المجتمعية")]
    [InlineData("Библиотеки и общество", "библиотеки-и-общество")]
    [InlineData("Ｆｕｌｌｗｉｄｔｈ", "fullwidth")]
    [InlineData("کتاب\u200Cخانه عمومی", "کتاب\u200Cخانه-عمومی")]
    [InlineData("  --  ", "")]
    public void SlugsKeepLettersOfEveryScriptAndFoldCase(string text, string slug) =>
        Assert.Equal(slug, SlugGenerator.Slugify(text));

    [Fact]
    public void LongSlugsAreCutAtAWordBoundary()
    {
        var slug = SlugGenerator.Slugify(string.Join(' ', Enumerable.Repeat("library", 30)));

        Assert.True(slug.Length <= SlugGenerator.MaxLength);
        Assert.EndsWith("library", slug, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("community-engagement", true)]
    [InlineData("Community-Engagement", true)]
    [InlineData("社区参与", true)]
    [InlineData("a!b", false)]
    [InlineData("two words", false)]
    [InlineData("-leading", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    [InlineData(" ", false)]
    [InlineData("\t", false)]
    [InlineData("\n", false)]
    [InlineData("community\u00a0engagement", false)]
    [InlineData("community\u0000engagement", false)]
    [InlineData("\ud800community", false)]
    public void OnlyWhatTheGeneratorCouldHaveMadeIsWellFormed(string? candidate, bool wellFormed) =>
        Assert.Equal(wellFormed, SlugGenerator.IsWellFormed(candidate));
}
