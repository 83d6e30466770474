using Platform.Application.Common.Exceptions;
using Platform.Application.Experiments.Commands.CreateExperiment;
using Platform.Application.Experiments.Queries.ListExperiments;
using Platform.Application.Tests.Support;
using Platform.Application.Users.Queries.ListUsers;
using Platform.Domain.Identity;

namespace Platform.Application.Tests.Common;

/// <summary>The authorisation matrix's cells for tracking and users, checked in the application layer.</summary>
public sealed class AuthorizationBehaviourTests(ApplicationFixture app) : IClassFixture<ApplicationFixture>
{
    [Theory]
    [InlineData(Role.DataScientist, true)]
    [InlineData(Role.Admin, true)]
    [InlineData(Role.Viewer, false)]
    [InlineData(Role.Approver, false)]
    [InlineData(Role.Operator, false)]
    public async Task Only_data_scientists_and_admins_create_experiments(Role role, bool allowed)
    {
        var command = new CreateExperimentCommand("e-" + Guid.NewGuid().ToString("N"), null);
        if (allowed)
        {
            Assert.Equal(command.Name, (await app.SendAsync(command, role)).Name);
        }
        else
        {
            await Assert.ThrowsAsync<ForbiddenAccessException>(() => app.SendAsync(command, role));
        }
    }

    [Theory]
    [InlineData(Role.Viewer)]
    [InlineData(Role.Approver)]
    [InlineData(Role.Operator)]
    [InlineData(Role.DataScientist)]
    public async Task Every_role_reads_experiments(Role role) =>
        Assert.NotNull(await app.SendAsync(new ListExperimentsQuery(null, null, null, null), role));

    [Fact]
    public async Task Only_admins_list_users_and_nobody_unauthenticated_gets_through()
    {
        await Assert.ThrowsAsync<ForbiddenAccessException>(() => app.SendAsync(new ListUsersQuery(null, null), Role.DataScientist | Role.Approver));
        Assert.NotEmpty((await app.SendAsync(new ListUsersQuery(null, null), Role.Admin)).Items);
        await Assert.ThrowsAsync<UnauthenticatedException>(() => app.SendAsync(new ListExperimentsQuery(null, null, null, null), Role.None));
    }

    [Fact]
    public async Task Authorisation_runs_before_validation_so_that_bad_input_reveals_nothing()
    {
        await Assert.ThrowsAsync<ForbiddenAccessException>(() => app.SendAsync(new CreateExperimentCommand("", null), Role.Viewer));
        var error = await Assert.ThrowsAsync<RequestValidationException>(() => app.SendAsync(new CreateExperimentCommand("", null), Role.DataScientist));
        Assert.Contains("name", error.Errors.Keys);
    }
}
