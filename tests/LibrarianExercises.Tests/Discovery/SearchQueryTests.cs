using LibrarianExercises.Web.Services.Search;

namespace LibrarianExercises.Tests.Discovery;

public sealed class SearchQueryTests
{
    [Theory]
    [InlineData("partner", "\"partner\"*")]
    [InlineData("  Partner   library ", "\"Partner\"* \"library\"*")]
    [InlineData("\"partner", "\"partner\"*")]
    [InlineData("title:partner", "\"partner\"*")]
    [InlineData("{title body}: partner", "\"partner\"*")]
    [InlineData("labels:partner", "\"partner\"*")]
    [InlineData("NEAR(partner library)", "\"partner\"* \"library\"*")]
    [InlineData("partner AND library OR NOT", "\"partner\"* \"library\"*")]
    [InlineData("and or not near", "\"and\"* \"or\"* \"not\"* \"near\"*")]
    [InlineData("note: libraries", "\"note\"* \"libraries\"*")]
    [InlineData("partner partner", "\"partner\"*")]
    [InlineData("图书", "\"图 书\"*")]
    [InlineData("市图书馆 reading", "\"市 图 书 馆\"* \"reading\"*")]
    [InlineData("bibliothèque", "\"bibliothèque\"*")]
    [InlineData("#89", "\"89\"*")]
    public void EveryWordReachesMatchQuotedAndNothingElseDoes(string typed, string expected)
    {
        var query = SearchQuery.Parse(typed);

        Assert.True(query.IsSearchable);
        Assert.Equal(expected, query.ToMatchExpression());
    }

    [Theory]
    [InlineData(null, SearchProblem.Empty)]
    [InlineData(" \t ", SearchProblem.Empty)]
    [InlineData("\"", SearchProblem.NoWords)]
    [InlineData("* ( ) : ^ + - { }", SearchProblem.NoWords)]
    [InlineData("\u0301\u0301", SearchProblem.NoWords)]
    [InlineData("AND OR", SearchProblem.OnlyOperators)]
    [InlineData("NEAR(", SearchProblem.OnlyOperators)]
    [InlineData("title:", SearchProblem.OnlyOperators)]
    [InlineData("{title body}:", SearchProblem.OnlyOperators)]
    [InlineData("{title labels}:", SearchProblem.OnlyOperators)]
    [InlineData("labels:", SearchProblem.OnlyOperators)]
    public void AQueryWithNoWordIsRefusedWithItsReason(string? typed, SearchProblem problem)
    {
        var query = SearchQuery.Parse(typed);

        Assert.Equal(problem, query.Problem);
        Assert.Throws<InvalidOperationException>(query.ToMatchExpression);
    }

    [Fact]
    public void LengthAndWordCountAreBounded()
    {
        Assert.Equal(SearchProblem.None, SearchQuery.Parse(new string('a', SearchQuery.MaxLength)).Problem);
        Assert.Equal(SearchProblem.TooLong, SearchQuery.Parse(new string('a', SearchQuery.MaxLength + 1)).Problem);
        Assert.Equal(SearchProblem.None, SearchQuery.Parse(string.Join(' ', Enumerable.Range(1, SearchQuery.MaxWords).Select(i => "w" + i))).Problem);
        Assert.Equal(SearchProblem.TooManyWords, SearchQuery.Parse(string.Join(' ', Enumerable.Range(1, SearchQuery.MaxWords + 1).Select(i => "w" + i))).Problem);
    }

    [Theory]
    [InlineData("89", 89)]
    [InlineData("#89", 89)]
    [InlineData("# 89", 89)]
    [InlineData("89 partners", null)]
    [InlineData("0", null)]
    [InlineData("٨٩", null)]
    public void ANumberNamesAnExercise(string typed, int? number) =>
        Assert.Equal(number, SearchQuery.Parse(typed).ExerciseNumber);

    [Fact]
    public void TheIndexGetsTheTextAsReadWithCharactersOfUnspacedScriptsSetApart()
    {
        Assert.Equal("A *b* c_d link", SearchText.FromMarkdown(@"A \*b\* c\_d [link](https://example.org/secret)")?.Trim());
        Assert.Equal("我\u200B们\u200B的\u200B图\u200B书\u200B馆 library", SearchText.Words("我们的图书馆 library"));
        Assert.Equal("Bibliothèque", SearchText.Words("Bibliothe\u0300que"));
        // The snippet markers cannot be smuggled in through the text.
        Assert.Equal("ab", SearchText.Words("a\uE000b\uE001"));
        Assert.Equal("图书馆", SearchText.Readable(SearchText.Words("图书馆")!));
    }
}
