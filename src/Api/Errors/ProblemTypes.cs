namespace Platform.Api.Errors;

/// <summary>Stable problem <c>type</c> URIs, one per kind of error, documented in the README.</summary>
public static class ProblemTypes
{
    private const string Prefix = "urn:platform:problem:";

    public const string Validation = Prefix + "validation";
    public const string Unauthenticated = Prefix + "unauthenticated";
    public const string Forbidden = Prefix + "forbidden";
    public const string NotFound = Prefix + "not-found";
    public const string Conflict = Prefix + "conflict";
    public const string PreconditionFailed = Prefix + "precondition-failed";
    public const string Gone = Prefix + "gone";
    public const string GatesFailed = Prefix + "gates-failed";
    public const string NotApproved = Prefix + "not-approved";
    public const string PayloadTooLarge = Prefix + "payload-too-large";
    public const string TooManyRequests = Prefix + "too-many-requests";
    public const string BadRequest = Prefix + "bad-request";
    public const string UnsupportedMediaType = Prefix + "unsupported-media-type";
    public const string Internal = Prefix + "internal";
}
