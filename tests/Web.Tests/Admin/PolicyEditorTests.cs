using System.Text.Json;
using Bunit;
using Platform.Web.Api;
using Platform.Web.Components.Pages.Admin;

namespace Platform.Web.Tests.Admin;

public sealed class PolicyEditorTests : PortalTestContext
{
    private static readonly ApprovalPolicyInfo Production = new(
        "Production", ["Approver"], 1, "cancer", "test", [new MetricGateInfo("rocAuc", "AtLeast", 0.8)], [], 168, "root", DateTimeOffset.UnixEpoch, false);

    private PolicyForm? _saved;

    [Fact]
    public void Gate_rows_are_added_and_removed_and_the_saved_policy_holds_what_is_left()
    {
        var editor = RenderEditor(Production);
        Button(editor, "Add gate").Click();
        editor.WaitForElement("#production-gate-1-metric");
        Button(editor, "Add gate").Click();
        editor.WaitForElement("#production-gate-2-metric");
        editor.Find("#production-gate-1-metric").Change("recall");
        editor.Find("#production-gate-1-threshold").Change("0.7");
        editor.Find("#production-gate-2-metric").Change("logLoss");
        editor.Find("#production-gate-2-threshold").Change("0.4");

        editor.Find("[aria-label='Remove gate 2']").Click();
        editor.WaitForAssertion(() => Assert.Equal(2, editor.FindAll("[data-testid=gate-row]").Count));
        Button(editor, "Save Production policy").Click();

        editor.WaitForAssertion(() => Assert.NotNull(_saved));
        var body = JsonSerializer.SerializeToElement(_saved!.ToRequest());
        Assert.Equal(["rocAuc", "logLoss"], body.GetProperty("gates").EnumerateArray().Select(g => g.GetProperty("metric").GetString()));
        Assert.Equal(0.4, body.GetProperty("gates")[1].GetProperty("threshold").GetDouble());
        Assert.Equal("cancer", body.GetProperty("gateDataset").GetString());
    }

    [Fact]
    public void A_gate_without_a_metric_or_threshold_is_named_next_to_its_row_and_nothing_is_sent()
    {
        var editor = RenderEditor(Production with { GateDataset = null, Gates = [] });
        Button(editor, "Add gate").Click();
        editor.WaitForElement("[data-testid=gate-row]");

        Button(editor, "Save Production policy").Click();

        editor.WaitForAssertion(() => Assert.Contains("Name the metric.", editor.Find("[data-testid=gate-row]").TextContent));
        Assert.Null(_saved);
        var row = editor.Find("[data-testid=gate-row]");
        Assert.Contains("Enter a threshold.", row.TextContent);
        Assert.Contains("Name the dataset whose evaluations the gates read.", editor.Markup);
    }

    [Fact]
    public void A_regression_limit_below_zero_is_refused_before_sending()
    {
        var editor = RenderEditor(Production);
        Button(editor, "Add regression limit").Click();
        editor.WaitForElement("#production-limit-0-metric");
        editor.Find("#production-limit-0-metric").Change("rocAuc");
        editor.Find("#production-limit-0-max").Change("-0.1");

        Button(editor, "Save Production policy").Click();

        editor.WaitForAssertion(() => Assert.Contains("0 or more", editor.Find("[data-testid=limit-row]").TextContent));
        Assert.Null(_saved);
    }

    [Fact]
    public void The_apis_validation_errors_show_next_to_the_fields_they_name()
    {
        var errors = new Dictionary<string, string[]> { ["gates[0].metric"] = ["must be at most 250 characters"], ["environment"] = ["must be Staging or Production"] };

        var editor = Render<PolicyEditor>(p => p.Add(x => x.Policy, Production).Add(x => x.ServerErrors, errors));

        Assert.Contains("must be at most 250 characters", editor.Find("[data-testid=gate-row]").TextContent);
        Assert.Contains("environment: must be Staging or Production", editor.Find("[data-testid=policy-errors]").TextContent);
    }

    private IRenderedComponent<PolicyEditor> RenderEditor(ApprovalPolicyInfo policy) =>
        Render<PolicyEditor>(p => p.Add(x => x.Policy, policy).Add(x => x.OnSave, (PolicyForm f) => _saved = f));

    private static AngleSharp.Dom.IElement Button<T>(IRenderedComponent<T> editor, string text) where T : Microsoft.AspNetCore.Components.IComponent =>
        editor.FindAll("button").Single(b => b.TextContent.Trim() == text);
}
