using Microsoft.AspNetCore.Components;
using Platform.Web.Api;

namespace Platform.Web.Components.Pages.Deployments;

public partial class DeployJobProgress
{
    [Parameter, EditorRequired] public Guid JobId { get; set; }

    /// <summary>Told once, when the job has ended (the revision has then become active or failed).</summary>
    [Parameter] public EventCallback<JobInfo> Ended { get; set; }

    private JobInfo? _job;
    private ILiveHub? _hub;
    private bool _told;

    protected override async Task OnInitializedAsync()
    {
        try
        {
            _hub = Live.Jobs();
            _hub.On<JobInfo>("JobChanged", job => InvokeAsync(() => ShowAsync(job)));
            await _hub.StartAsync();
            await ShowAsync(await _hub.InvokeAsync<JobInfo>("SubscribeToJob", JobId));
        }
        catch (Exception e) when (ApiFailure.Describe(e) is not null || e is InvalidOperationException)
        {
            // No live progress (the hub is unreachable): show the job as it is now; the page's refresh brings the rest.
            try
            {
                await ShowAsync(await Api.JobAsync(JobId));
            }
            catch (Exception inner) when (ApiFailure.Describe(inner) is not null)
            {
                _job = null;
            }
        }
    }

    private async Task ShowAsync(JobInfo job)
    {
        if (job.Id != JobId)
        {
            return;
        }

        _job = job;
        StateHasChanged();
        if (job.Ended && !_told)
        {
            _told = true;
            await Ended.InvokeAsync(job);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_hub is not null)
        {
            await _hub.DisposeAsync();
        }
    }
}
