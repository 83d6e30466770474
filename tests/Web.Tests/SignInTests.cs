using Platform.Web.Components.Pages;

namespace Platform.Web.Tests;

public sealed class SignInTests
{
    [Theory]
    [InlineData(null, "/")]
    [InlineData("", "/")]
    [InlineData("approvals", "/approvals")]
    [InlineData("models/cancer", "/models/cancer")]
    [InlineData("//evil.example/phish", "/")]
    [InlineData("https://evil.example", "/")]
    [InlineData("/\\evil.example", "/")]
    public void After_sign_in_it_returns_only_to_a_page_of_the_portal(string? returnUrl, string expected) =>
        Assert.Equal(expected, SignIn.SafeReturn(returnUrl));
}
