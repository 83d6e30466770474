using MudBlazor;
using Platform.Web.Api;
using Platform.Web.Components.Shared;

namespace Platform.Web.Components.Pages.Fleet;

/// <summary>Operators make one-time enrolment tokens (the secret shown once, with the agent's command), list and revoke them.</summary>
public partial class EnrolmentTokens
{
    private NewEnrolmentTokenForm _form = new();
    private PagedList<EnrolmentTokenInfo>? _list;
    private IReadOnlyDictionary<string, string[]> _errors = new Dictionary<string, string[]>();
    private string? _failure;
    private bool _busy;
    private string _apiUrl = "";

    protected override Task LoadAsync()
    {
        _apiUrl = EnrolCommand.ApiUrl(ApiAddress.BaseAddress, Navigation.BaseUri);
        return Task.CompletedTask;
    }

    private string? Complaint(string field) => _errors.FirstOrDefault(e => string.Equals(e.Key, field, StringComparison.OrdinalIgnoreCase)).Value is { Length: > 0 } m
        ? string.Join(" ", m)
        : null;

    private static Color StatusColour(string status) => status switch
    {
        "unused" => Color.Info,
        "used" => Color.Success,
        "revoked" => Color.Error,
        _ => Color.Default,
    };

    private async Task CreateAsync()
    {
        var labels = _form.Labels.ToDictionary();
        (_errors, _failure) = (new Dictionary<string, string[]>(), _form.Labels.Duplicate is { } twice ? $"The key \"{twice}\" is written twice; keep one." : null);
        if (_failure is not null)
        {
            return;
        }

        _busy = true;
        try
        {
            var created = await Api.CreateEnrolmentTokenAsync(_form.Name.Trim(), labels, _form.ExpiresInHours);
            _form = new();
            var command = EnrolCommand.For(_apiUrl, created.Secret, created.Token.Name);
            var parameters = new DialogParameters<EnrolmentSecretDialog> { { d => d.Secret, created.Secret }, { d => d.Command, command } };
            var options = new DialogOptions { BackdropClick = false, CloseOnEscapeKey = false, MaxWidth = MaxWidth.Small, FullWidth = true };
            await Dialogs.ShowAsync<EnrolmentSecretDialog>($"Token \"{created.Token.Name}\" created", parameters, options);
            await (_list?.ReloadAsync() ?? Task.CompletedTask);
        }
        catch (ApiProblem problem) when (problem.Errors.Count > 0)
        {
            _errors = problem.Errors;
            var shown = problem.Errors.Keys.All(k => k is "name" or "expiresInHours" || labels.Keys.Any(l => k == $"labels[{l}]"));
            _failure = shown ? "The token was not created: see the fields marked." : problem.Readable;
        }
        catch (Exception e) when (ApiFailure.Describe(e) is { } message)
        {
            _failure = message;
        }
        finally
        {
            _busy = false;
        }
    }

    private async Task RevokeAsync(EnrolmentTokenInfo token)
    {
        var sure = await Dialogs.ShowMessageBoxAsync("Revoke token", $"Revoke \"{token.Name}\" ({token.Prefix}…)? No device can enrol with it any more.",
            yesText: "Revoke", cancelText: "Cancel");
        if (sure == true && await TryAsync(() => Api.RevokeEnrolmentTokenAsync(token.Id)))
        {
            Snackbar.Add($"\"{token.Name}\" is revoked.", Severity.Success);
            await (_list?.ReloadAsync() ?? Task.CompletedTask);
        }
    }
}
