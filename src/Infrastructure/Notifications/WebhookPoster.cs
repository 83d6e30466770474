using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.Extensions.Options;
using Platform.Application.Notifications.Webhooks;

namespace Platform.Infrastructure.Notifications;

/// <summary>The outcome of one POST: the receiver's status code (none when it did not answer) and, on failure, why.</summary>
internal sealed record WebhookAttempt(bool Succeeded, int? StatusCode, string? Error);

/// <summary>What is needed to post one delivery.</summary>
internal sealed record DueDelivery(Guid Id, DateTimeOffset NextAttemptAt, string EventType, string Body, Guid SubscriptionId, string Url, int SecretVersion);

/// <summary>POSTs one delivery's body, signed with its subscription's secret; a 2xx answer within the timeout is success.</summary>
internal sealed class WebhookPoster(IHttpClientFactory httpClients, IWebhookSecrets secrets, IOptions<NotificationOptions> options, TimeProvider clock)
{
    public const string HttpClientName = "webhooks";
    private const int MaxErrorBodyLength = 200;

    public async Task<WebhookAttempt> PostAsync(DueDelivery delivery, CancellationToken cancellationToken)
    {
        var timestamp = clock.GetUtcNow().ToUnixTimeSeconds();
        using var request = new HttpRequestMessage(HttpMethod.Post, delivery.Url)
        {
            Content = new StringContent(delivery.Body, Encoding.UTF8, "application/json"),
        };
        request.Headers.Add(WebhookHeaders.Event, delivery.EventType);
        request.Headers.Add(WebhookHeaders.Delivery, delivery.Id.ToString());
        request.Headers.Add(WebhookHeaders.Timestamp, timestamp.ToString(CultureInfo.InvariantCulture));
        request.Headers.Add(WebhookHeaders.Signature, WebhookSignature.Compute(secrets.SecretFor(delivery.SubscriptionId, delivery.SecretVersion), timestamp, delivery.Body));
        request.Headers.UserAgent.Add(new ProductInfoHeaderValue("Platform-Webhooks", "1"));

        var timeout = options.Value.Timeout;
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        try
        {
            using var response = await httpClients.CreateClient(HttpClientName).SendAsync(request, HttpCompletionOption.ResponseHeadersRead, deadline.Token);
            var status = (int)response.StatusCode;
            if (response.IsSuccessStatusCode)
            {
                return new WebhookAttempt(true, status, null);
            }

            var answer = await response.Content.ReadAsStringAsync(deadline.Token);
            return new WebhookAttempt(false, status, $"HTTP {status} {response.ReasonPhrase}: {Shorten(answer)}".TrimEnd(' ', ':'));
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new WebhookAttempt(false, null, $"No answer within {timeout.TotalSeconds:0.#} s");
        }
        catch (HttpRequestException e)
        {
            return new WebhookAttempt(false, null, e.InnerException is { } inner ? $"{e.Message} ({inner.Message})" : e.Message);
        }
    }

    private static string Shorten(string text) => text.Length <= MaxErrorBodyLength ? text : text[..MaxErrorBodyLength] + "…";
}
