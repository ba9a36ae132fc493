using LibrarianExercises.Web.Data;
using LibrarianExercises.Web.Services.Importing;

namespace LibrarianExercises.Tests.Importing;

public class InitiativeNameMatcherTests
{
    // The key initiatives of the IFLA Strategy 2019–2024 as the app ships them: 2.4, 4.1 and 4.4 have no known name.
    private static readonly KeyInitiative[] Initiatives =
    [
        Initiative("1.1", "Show the power of libraries in achieving the Sustainable Development Goals"),
        Initiative("1.2", "Build a strong presence in international organizations and meetings as a valued partner"),
        Initiative("1.3", "Work with library associations and libraries to identify key legal and funding challenges to their work, and advocate for action"),
        Initiative("1.4", "Shape public opinion and debate around open access and library values, including intellectual freedom and human rights"),
        Initiative("2.1", "Produce, communicate and distribute key resources and materials that inspire the profession"),
        Initiative("2.2", "Deliver high quality campaigns, information and other communications products on a regular basis to engage and energise libraries"),
        Initiative("2.3", "Develop standards, guidelines, and other materials that foster best professional practice"),
        Initiative("2.4", ""),
        Initiative("3.1", "Provide excellent opportunities for face-to-face networking and learning"),
        Initiative("3.2", "Support virtual networking and connections"),
        Initiative("3.3", "Empower the field at the national and regional levels"),
        Initiative("3.4", "Provide targeted learning and professional development"),
        Initiative("4.1", ""),
        Initiative("4.2", "Effectively mobilise our human resources and networks"),
        Initiative("4.3", "Increase, diversify and engage our membership"),
        Initiative("4.4", ""),
    ];

    private readonly InitiativeNameMatcher _matcher = new(Initiatives);

    [Theory]
    [InlineData("3.2", "Support virtual networking and connections")]
    [InlineData("3.3", "empower the field at the national and regional levels")]
    [InlineData("4.2", "Effectively mobilise our human resources and networks")]
    public void DoesNotFlagTheInitiativesOwnName(string code, string publishedName)
    {
        Assert.False(_matcher.Disagrees(Coded(code), publishedName));
    }

    [Fact]
    public void DoesNotFlagATypoInTheName()
    {
        Assert.False(_matcher.Disagrees(Coded("3.2"), "Support Virtual Networking and Collections"));
    }

    [Fact]
    public void DoesNotFlagAWordingVariant()
    {
        Assert.False(_matcher.Disagrees(Coded("1.1"), "Show the power of libraries in delivering the Sustainable Development Goals"));
    }

    [Fact]
    public void DoesNotFlagANameShortenedWithAnEllipsis()
    {
        Assert.False(_matcher.Disagrees(Coded("2.1"), "Produce, communicate and distribute … the profession"));
    }

    [Fact]
    public void FlagsACodeThatCarriesTheNameOfAnotherInitiative()
    {
        Assert.True(_matcher.Disagrees(
            Coded("2.1"),
            "Shape public opinion and debate around open access and library values, including intellectual freedom and human rights"));
    }

    [Fact]
    public void FlagsANameThatIsNothingLikeTheCodedOne()
    {
        Assert.True(_matcher.Disagrees(Coded("3.2"), "Organise a book fair for children"));
    }

    [Theory]
    [InlineData("4.1", "Support virtual networking and connections")]
    [InlineData("2.4", "Show the power of libraries in delivering the Sustainable Development Goals")]
    public void FlagsANameForAnUnnamedInitiativeThatIsPlainlyAnothersName(string code, string publishedName)
    {
        Assert.True(_matcher.Disagrees(Coded(code), publishedName));
    }

    [Fact]
    public void DoesNotFlagANameForAnUnnamedInitiativeThatIsNoOthers()
    {
        Assert.False(_matcher.Disagrees(Coded("4.1"), "Ensure sound governance and sustainable finances"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("…")]
    public void DoesNotFlagAnEmptyName(string publishedName)
    {
        Assert.False(_matcher.Disagrees(Coded("3.2"), publishedName));
        Assert.False(_matcher.Disagrees(Coded("4.1"), publishedName));
    }

    private static KeyInitiative Coded(string code) => Initiatives.Single(i => i.Code == code);

    private static KeyInitiative Initiative(string code, string name) =>
        new() { Code = code, Number = code[^1] - '0', Name = name };
}
