using Bunit;
using Platform.Web.Components.Shared;

namespace Platform.Web.Tests;

public sealed class ModelCardTests : PortalTestContext
{
    [Fact]
    public void Markdown_is_rendered_and_raw_html_in_it_is_shown_as_text_not_run()
    {
        var card = Render<ModelCard>(p => p.Add(x => x.Markdown, "# Cancer\n\n| metric | value |\n|---|---|\n| auc | 0.99 |\n\n<script>alert(1)</script>"));

        Assert.Equal("Cancer", card.Find("h1").TextContent);
        Assert.Equal("0.99", card.FindAll("td")[1].TextContent);
        Assert.Empty(card.FindAll("script"));
        Assert.Contains("&lt;script&gt;", card.Markup);
    }

    [Fact]
    public void No_card_says_so() => Assert.Contains("No model card", Render<ModelCard>(p => p.Add(x => x.Markdown, " ")).Markup);
}
