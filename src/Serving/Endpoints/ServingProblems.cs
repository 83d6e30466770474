using Platform.Serving.Protocol;

namespace Platform.Serving.Endpoints;

/// <summary>
/// RFC 7807 problem details for the serving surface. Each also carries <c>error</c>, the field that Open Inference
/// Protocol clients read.
/// </summary>
internal static class ServingProblems
{
    private const string Prefix = "urn:platform:problem:";

    public static IResult InvalidInput(InvalidInputException error) => Problem(
        StatusCodes.Status400BadRequest, "invalid-inference-input", "Invalid inference input", error.Message, new Dictionary<string, object?>
        {
            ["tensor"] = error.Tensor,
            ["fault"] = error.Fault,
            ["feature"] = error.Feature,
        });

    public static IResult ModelNotFound(string name, string? version) => Problem(
        StatusCodes.Status404NotFound, "not-found", "Not found", version is null
            ? $"No model named '{name}' is served here."
            : $"Model '{name}' has no version '{version}' served here.");

    public static IResult Unavailable(string name) => Problem(
        StatusCodes.Status503ServiceUnavailable, "unavailable", "Unavailable", $"Model '{name}' is being swapped; try again.");

    public static IResult InferenceFailed(string name, string version) => Problem(
        StatusCodes.Status500InternalServerError, "inference-failed", "Inference failed", $"Model '{name}' version '{version}' failed to run the request; the error was logged.");

    public static IResult Problem(int status, string type, string title, string detail, Dictionary<string, object?>? extensions = null)
    {
        extensions ??= [];
        extensions["error"] = detail;
        return TypedResults.Problem(detail, statusCode: status, title: title, type: Prefix + type, extensions: extensions);
    }
}
