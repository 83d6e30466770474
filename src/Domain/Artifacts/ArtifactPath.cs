namespace Platform.Domain.Artifacts;

/// <summary>
/// A run-relative artefact path such as <c>model/model.onnx</c>. Never trusted: it is normalised, and
/// absolute paths, '..' segments, drive letters, device names, backslashes and control characters are refused.
/// The path only names the artefact; content is stored by its hash, so a path never reaches the file system.
/// </summary>
public static class ArtifactPath
{
    public const int MaxLength = 1024;

    private static readonly HashSet<string> DeviceNames = new(StringComparer.OrdinalIgnoreCase)
    {
        "CON", "PRN", "AUX", "NUL", "CONIN$", "CONOUT$",
        "COM1", "COM2", "COM3", "COM4", "COM5", "COM6", "COM7", "COM8", "COM9",
        "LPT1", "LPT2", "LPT3", "LPT4", "LPT5", "LPT6", "LPT7", "LPT8", "LPT9",
    };

    /// <summary>Normalises <paramref name="raw"/> or says why it is refused.</summary>
    public static bool TryNormalize(string? raw, out string normalized, out string error)
    {
        normalized = string.Empty;
        error = Validate(raw) ?? string.Empty;
        if (error.Length > 0)
        {
            return false;
        }

        var segments = raw!.Split('/').Where(s => s.Length > 0 && s != ".").ToArray();
        normalized = string.Join('/', segments);
        if (normalized.Length == 0)
        {
            error = "must name a file, not the artefact root";
            return false;
        }

        return true;
    }

    private static string? Validate(string? raw)
    {
        if (string.IsNullOrWhiteSpace(raw))
        {
            return "must not be empty";
        }

        if (raw.Length > MaxLength)
        {
            return $"must be at most {MaxLength} characters";
        }

        if (raw.Any(char.IsControl))
        {
            return "must not contain control characters";
        }

        if (raw.Contains('\\'))
        {
            return "must use '/' as separator; backslashes are not allowed";
        }

        if (raw.StartsWith('/') || raw.StartsWith('~'))
        {
            return "must be relative to the run, not absolute";
        }

        if (raw.Contains(':'))
        {
            return "must not contain ':' (drive letters and streams are not allowed)";
        }

        if (raw.EndsWith('/'))
        {
            return "must name a file, not a folder";
        }

        foreach (var segment in raw.Split('/'))
        {
            if (segment == "..")
            {
                return "must not contain '..' segments";
            }

            if (segment.EndsWith(' ') || (segment.EndsWith('.') && segment != "."))
            {
                return $"segment '{segment}' must not end with a space or a period";
            }

            var stem = segment.Split('.')[0];
            if (DeviceNames.Contains(stem))
            {
                return $"segment '{segment}' is a reserved device name";
            }
        }

        return null;
    }
}
