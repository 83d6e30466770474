namespace Platform.Edge.Identity;

/// <summary>The platform refused to enrol or to give a token (401, 403, 409): retrying the same thing soon will not help.</summary>
internal sealed class EnrolmentRefusedException(string message) : Exception(message);
