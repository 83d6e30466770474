using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Platform.Web.Api;

namespace Platform.Web.Components.Pages;

public partial class Search
{
    [SupplyParameterFromQuery(Name = "q")] public string? Q { get; set; }

    private string? _text;
    private string? _searched;
    private SearchResults? _results;
    private bool _ready;

    protected override async Task LoadAsync()
    {
        _text = Q;
        if (!string.IsNullOrWhiteSpace(Q))
        {
            await FindAsync(Q);
        }

        _ready = true;
    }

    protected override async Task OnParametersSetAsync()
    {
        // A new ?q= while the page is open (the app bar's box): search again.
        if (_ready && !string.IsNullOrWhiteSpace(Q) && Q != _searched)
        {
            _text = Q;
            await TryAsync(() => FindAsync(Q));
        }
    }

    private async Task FindAsync(string text) => (_results, _searched) = (await Api.SearchAsync(text.Trim(), 10), text);

    private Task KeyAsync(KeyboardEventArgs e) => e.Key == "Enter" ? SearchAsync() : Task.CompletedTask;

    private Task SearchAsync()
    {
        if (!string.IsNullOrWhiteSpace(_text))
        {
            Navigation.NavigateTo("/search?q=" + Uri.EscapeDataString(_text.Trim()));
        }

        return Task.CompletedTask;
    }

    private static IEnumerable<(string, IReadOnlyList<SearchHit>)> Groups(SearchResults r) =>
        [("Experiments", r.Experiments), ("Runs", r.Runs), ("Models", r.Models), ("Deployments", r.Deployments)];

    public static string Href(SearchHit hit) => hit.Kind switch
    {
        "experiment" => $"/experiments/{hit.Id}",
        "run" => $"/runs/{hit.Id}",
        "model" => $"/models/{Uri.EscapeDataString(hit.Name)}",
        _ => $"/deployments/{Uri.EscapeDataString(hit.Name)}",
    };
}
