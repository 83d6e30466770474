using Platform.Application.Auditing;
using Platform.Application.Auditing.Queries.ListAuditActions;
using Platform.Application.Auditing.Queries.ListAuditEvents;
using Platform.Application.Experiments.Commands.CreateExperiment;
using Platform.Application.Experiments.Commands.UpdateExperiment;
using Platform.Application.Tests.Support;
using Platform.Domain.Identity;

namespace Platform.Application.Tests.Auditing;

/// <summary>The audit page's action filter: the actions the trail holds, and a prefix that matches several.</summary>
public sealed class AuditActionsTests(ApplicationFixture app) : IClassFixture<ApplicationFixture>
{
    [Fact]
    public async Task The_actions_are_those_recorded_once_each_by_name()
    {
        await app.SendAsync(new CreateExperimentCommand("acts-" + Guid.NewGuid().ToString("N"), null));
        await app.SendAsync(new CreateExperimentCommand("acts-" + Guid.NewGuid().ToString("N"), null));

        var actions = await app.SendAsync(new ListAuditActionsQuery(), Role.Approver);

        Assert.Equal(actions.Order(StringComparer.Ordinal), actions);
        Assert.Single(actions, a => a == "CreateExperiment");
    }

    [Fact]
    public async Task An_action_ending_in_a_star_matches_every_action_with_that_prefix()
    {
        var experiment = await app.SendAsync(new CreateExperimentCommand("prefix-" + Guid.NewGuid().ToString("N"), null));
        await app.SendAsync(new UpdateExperimentCommand(experiment.Id, null, "described", null));
        var filter = new AuditFilter("Experiment", experiment.Id.ToString(), null, "CreateExp*", null, null);

        var page = await app.SendAsync(new ListAuditEventsQuery(filter, null, null), Role.Approver);
        var all = await app.SendAsync(new ListAuditEventsQuery(filter with { Action = "*" }, null, null), Role.Approver);

        Assert.Equal(["CreateExperiment"], page.Items.Select(e => e.Action));
        Assert.Equal(["UpdateExperiment", "CreateExperiment"], all.Items.Select(e => e.Action));
    }
}
