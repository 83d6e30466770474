using Platform.Api.Tests.Support;

namespace Platform.Api.Tests.Jobs;

/// <summary>The Api for the job tests, with one data scientist shared by the tests that need no user of their own.</summary>
public sealed class JobsApiFactory : ApiFactory
{
    private readonly Lazy<Task<HttpClient>> _scientist;

    public JobsApiFactory()
    {
        _scientist = new(() => UserAsync("DataScientist"));
    }

    public Task<HttpClient> ScientistAsync() => _scientist.Value;

    protected override void Dispose(bool disposing)
    {
        if (disposing && _scientist.IsValueCreated && _scientist.Value.IsCompletedSuccessfully)
        {
            _scientist.Value.Result.Dispose();
        }

        base.Dispose(disposing);
    }
}
