using System.IO.Pipelines;
using System.Text;
using System.Text.RegularExpressions;
using LibrarianExercises.Web.Services.Caching;

namespace LibrarianExercises.Tests.Caching;

/// <summary>
/// The page streams through with each announced marker replaced, wherever the writes that carry it are cut: the
/// output cache and the views write a page in pieces of any length, and a marker may be split between two of them.
/// </summary>
public sealed partial class FormTokenFillingStreamTests
{
    private static readonly FormTokenHole Form89 = new(89, AntiforgeryOnly: false);
    private static readonly FormTokenHole Kept89 = new(89, AntiforgeryOnly: true);

    /// <summary>Real markers at the start and the end, an unannounced one, and text that starts like a marker but is not one.</summary>
    private static readonly string Page = string.Concat(
        Form89.Marker,
        "<html><p>before &lt;!--form-tokens:89--&gt; <!-- a comment --> <!--form-tokens:x--> <!--form-tokens:123456-->",
        " <!--form-tokens:89:antiforger--> <!--form-tokens:89- <<!--form-tokens:89:antiforgery--> <",
        new FormTokenHole(7, AntiforgeryOnly: false).Marker,
        " 图书馆 مكتبة <!--form-tokens:", "</p></html>",
        Form89.Marker);

    private static List<(FormTokenHole, byte[])> Fillings() =>
    [
        (Form89, "[form 1]"u8.ToArray()),
        (Kept89, "[antiforgery only]"u8.ToArray()),
        (Form89, "[form 2]"u8.ToArray()),
    ];

    /// <summary>What the page must become: every announced marker in order of appearance replaced, once each.</summary>
    private static string Expected()
    {
        var left = Fillings();
        return MarkerPattern().Replace(Page, match =>
        {
            var hole = new FormTokenHole(int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture), match.Groups[2].Success);
            var index = left.FindIndex(entry => entry.Item1 == hole);
            if (index < 0)
            {
                return match.Value;
            }

            var filling = Encoding.UTF8.GetString(left[index].Item2);
            left.RemoveAt(index);
            return filling;
        });
    }

    [GeneratedRegex("<!--form-tokens:([0-9]{1,5})(:antiforgery)?-->")]
    private static partial Regex MarkerPattern();

    private static async Task<string> StreamAsync(IEnumerable<int> cuts, Func<FormTokenFillings?> start)
    {
        var bytes = Encoding.UTF8.GetBytes(Page);
        using var output = new MemoryStream();
        var writer = PipeWriter.Create(output);
        var page = new FormTokenFillingStream(writer, start);
        var position = 0;
        foreach (var cut in cuts.Append(bytes.Length))
        {
            var end = Math.Min(bytes.Length, position + cut);
            await page.WriteAsync(bytes.AsMemory(position, end - position));
            position = end;
            if (position == bytes.Length)
            {
                break;
            }
        }

        await page.EndAsync(CancellationToken.None);
        await writer.CompleteAsync();
        return Encoding.UTF8.GetString(output.ToArray());
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(5)]
    [InlineData(15)]
    [InlineData(16)]
    [InlineData(17)]
    [InlineData(35)]
    [InlineData(36)]
    [InlineData(37)]
    [InlineData(100_000)]
    public async Task EveryAnnouncedMarkerIsFilledWhenTheWritesAreCutEvery(int length)
    {
        var expected = Expected();
        Assert.Contains("[form 1]", expected, StringComparison.Ordinal);
        Assert.Contains("[antiforgery only]", expected, StringComparison.Ordinal);
        Assert.EndsWith("[form 2]", expected, StringComparison.Ordinal);

        Assert.Equal(expected, await StreamAsync(Enumerable.Repeat(length, Page.Length), () => new FormTokenFillings(Fillings())));
    }

    [Fact]
    public async Task EveryAnnouncedMarkerIsFilledWhereverTheWritesAreCut()
    {
        var expected = Expected();
        for (var seed = 0; seed < 300; seed++)
        {
            var random = new Random(seed);
            var cuts = Enumerable.Range(0, Page.Length).Select(_ => random.Next(0, 40));

            Assert.Equal(expected, await StreamAsync(cuts, () => new FormTokenFillings(Fillings())));
        }
    }

    [Fact]
    public async Task APageWithNothingToFillPassesThroughAsItIs()
    {
        Assert.Equal(Page, await StreamAsync(Enumerable.Repeat(7, Page.Length), () => null));
    }

    [Fact]
    public async Task TheFillingsAreMadeOnceBeforeAnyByteIsWritten()
    {
        using var output = new MemoryStream();
        var writer = PipeWriter.Create(output);
        var calls = 0;
        long unflushedAtStart = -1;
        var page = new FormTokenFillingStream(writer, () =>
        {
            calls++;
            unflushedAtStart = writer.UnflushedBytes;
            return new FormTokenFillings(Fillings());
        });

        await page.WriteAsync(Encoding.UTF8.GetBytes("<p>one</p>"));
        await page.WriteAsync(Encoding.UTF8.GetBytes(Form89.Marker));
        await page.EndAsync(CancellationToken.None);

        Assert.Equal((1, 0L), (calls, unflushedAtStart));
        Assert.Equal("<p>one</p>[form 1]", Encoding.UTF8.GetString(output.ToArray()));
    }

    [Theory]
    [InlineData("<!--form-tokens:89-->", "Marker")]
    [InlineData("<!--form-tokens:89:antiforgery-->", "Marker")]
    [InlineData("<!--form-tokens:99999-->", "Marker")]
    [InlineData("<!--form-tokens:89", "Cut")]
    [InlineData("<!--form-tokens:89:anti", "Cut")]
    [InlineData("<!--form", "Cut")]
    [InlineData("<!--form-tokens:123456-->", "NotAMarker")]
    [InlineData("<!--form-tokens:-->", "NotAMarker")]
    [InlineData("<!--form-tokens:89:other-->", "NotAMarker")]
    [InlineData("<!-- form-tokens:89-->", "NotAMarker")]
    public void AMarkerIsReadExactly(string text, string expected)
    {
        Assert.Equal(expected, FormTokenFillingStream.Read(Encoding.UTF8.GetBytes(text), out _, out _).ToString());
    }

    [Fact]
    public async Task AMarkerCutShortAtTheEndOfThePageGoesOutAsItWas()
    {
        using var output = new MemoryStream();
        var writer = PipeWriter.Create(output);
        var page = new FormTokenFillingStream(writer, () => new FormTokenFillings(Fillings()));

        await page.WriteAsync(Encoding.UTF8.GetBytes("<p>end</p><!--form-tokens:8"));
        await page.EndAsync(CancellationToken.None);

        Assert.Equal("<p>end</p><!--form-tokens:8", Encoding.UTF8.GetString(output.ToArray()));
    }
}
