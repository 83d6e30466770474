using Platform.Domain.Federated;

namespace Platform.Application.Federated.Commands.SubmitSiteMessage;

public sealed partial record SubmitSiteMessageCommand
{
    /// <summary>The phase a message's route names: <c>keys</c>, <c>shares</c> or <c>unmask</c>; null for anything else.</summary>
    public static RoundPhase? PhaseOf(string? route) => route switch
    {
        "keys" => RoundPhase.AdvertiseKeys,
        "shares" => RoundPhase.ShareKeys,
        "unmask" => RoundPhase.Unmask,
        _ => null,
    };
}
