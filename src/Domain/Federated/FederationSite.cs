using Platform.Domain.Common;

namespace Platform.Domain.Federated;

/// <summary>
/// A site's consent to one federation: admitted by an Operator (or by its consent label, when the plan admits so), and
/// withdrawn when it leaves. Only a site with a standing consent is sampled for a round.
/// </summary>
public sealed class FederationSite
{
    private FederationSite()
    {
        AdmittedBy = string.Empty;
    }

    public Guid FederationId { get; private set; }
    public Guid DeviceId { get; private set; }
    public string AdmittedBy { get; private set; }
    public DateTimeOffset AdmittedAt { get; private set; }
    public DateTimeOffset? LeftAt { get; private set; }

    public bool Consents => LeftAt is null;

    public static FederationSite Admit(Guid federationId, Guid deviceId, string by, DateTimeOffset now) =>
        new() { FederationId = federationId, DeviceId = deviceId, AdmittedBy = by, AdmittedAt = now };

    /// <summary>The site withdraws its consent: it is sampled for no further round (a round it is in goes on without it).</summary>
    public void Leave(DateTimeOffset now)
    {
        if (LeftAt is not null)
        {
            throw new DomainException("federation.site-left", "This site already left the federation.");
        }

        LeftAt = now;
    }

    /// <summary>An Operator admits a site that had left again.</summary>
    public void Readmit(string by, DateTimeOffset now) => (AdmittedBy, AdmittedAt, LeftAt) = (by, now, null);
}
