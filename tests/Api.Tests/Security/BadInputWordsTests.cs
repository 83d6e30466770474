using System.Text;
using System.Text.Json.Nodes;
using Platform.Api.Tests.Support;

namespace Platform.Api.Tests.Security;

/// <summary>Bad input is a 4xx whose words a user reads: the field, what it must be, the values allowed; never .NET type names or byte positions.</summary>
public sealed class BadInputWordsTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    [Theory]
    [InlineData("application/json; charset=ebcdic")]
    [InlineData("application/json; charset=utf-7")]
    [InlineData("application/json; charset=foo")]
    public async Task A_json_body_in_an_unknown_character_set_is_415_even_before_sign_in(string contentType)
    {
        using var anonymous = factory.CreateClient();

        var response = await anonymous.PostAsync("/api/v1/auth/token", Body("""{"userName":"admin","password":"x"}""", contentType));

        var problem = await response.ExpectAsync(415);
        Assert.Contains("UTF-8", problem["detail"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("application/json; charset=\"UTF-8\"")]
    [InlineData("application/json; charset=")]
    [InlineData("application/json; charset=utf8")]
    public async Task A_json_body_with_a_quoted_or_empty_utf8_charset_is_read(string contentType)
    {
        using var anonymous = factory.CreateClient();

        var response = await anonymous.PostAsync(
            "/api/v1/auth/token", Body($$"""{"userName":"{{ApiFactory.AdminUser}}","password":"{{ApiFactory.AdminPassword}}"}""", contentType));

        await response.ExpectAsync(200);
    }

    [Fact]
    public async Task A_role_no_one_has_is_400_listing_the_roles()
    {
        using var admin = await factory.AdminAsync();

        var errors = await ErrorsAsync(await admin.PostAsync("/api/v1/users", Body("""{"userName":"wiz","password":"a-long-enough-password","roles":["Wizard"]}""")));

        Assert.Equal("must be one of: Viewer, DataScientist, Approver, Operator, Admin", Single(errors, "roles[0]"));
    }

    [Fact]
    public async Task A_gate_operator_out_of_range_is_400_listing_the_operators()
    {
        using var admin = await factory.AdminAsync();
        var body = """{"approverRoles":["Approver"],"requiredApprovals":1,"gates":[{"metric":"auc","operator":"Above","threshold":0.9}]}""";

        var errors = await ErrorsAsync(await admin.PutAsync("/api/v1/approval-policies/Production", Body(body)));

        Assert.StartsWith("must be one of: AtLeast, AtMost", Single(errors, "gates[0].operator"));
    }

    [Theory]
    [InlineData("""{"name":42}""", "name", "must be text (a JSON string)")]
    [InlineData("""{"name":"n","description":["a"]}""", "description", "must be text (a JSON string)")]
    [InlineData("""[1,2]""", "body", "must be a JSON object with the documented fields")]
    [InlineData("""{"name":""", "name", "is not valid JSON")]
    public async Task A_value_of_the_wrong_kind_says_what_the_field_must_be(string body, string field, string reason)
    {
        using var admin = await factory.AdminAsync();

        var errors = await ErrorsAsync(await admin.PostAsync("/api/v1/experiments", Body(body)));

        Assert.StartsWith(reason, Single(errors, field));
    }

    [Fact]
    public async Task A_query_value_of_the_wrong_kind_names_the_parameter_and_the_value()
    {
        using var admin = await factory.AdminAsync();

        var errors = await ErrorsAsync(await admin.GetAsync("/api/v1/experiments?limit=lots"));

        Assert.Equal("'lots' is not a whole number", Single(errors, "limit")); // was: Failed to bind parameter "int? limit" from "lots".
    }

    private static StringContent Body(string json, string contentType = "application/json")
    {
        var content = new StringContent(json, Encoding.UTF8);
        content.Headers.Remove("Content-Type");
        content.Headers.TryAddWithoutValidation("Content-Type", contentType);
        return content;
    }

    private static async Task<JsonObject> ErrorsAsync(HttpResponseMessage response)
    {
        var problem = await response.ExpectAsync(400);
        var text = problem.ToJsonString();
        Assert.DoesNotContain("System.", text);
        Assert.DoesNotContain("Platform.", text);
        Assert.DoesNotContain("BytePosition", text);
        return problem["errors"]!.AsObject();
    }

    private static string Single(JsonObject errors, string field)
    {
        Assert.True(errors.ContainsKey(field), $"no error for {field}: {errors.ToJsonString()}");
        return errors[field]![0]!.GetValue<string>();
    }
}
