namespace Platform.Workers.Scripts;

/// <summary>
/// A script job's clean working folder: <c>code/</c> (the program, from the run's artefacts), <c>data/</c> (the
/// dataset's parts) and <c>output/</c> (what the program leaves: an ONNX file becomes the run's model). Names from
/// outside are never trusted: a file that would land outside its folder is refused. Deleted when disposed.
/// </summary>
internal sealed class ScriptWorkspace : IDisposable
{
    private ScriptWorkspace(string root)
    {
        Root = root;
        Directory.CreateDirectory(Code);
        Directory.CreateDirectory(Data);
        Directory.CreateDirectory(Output);
    }

    public string Root { get; }
    public string Code => Path.Combine(Root, "code");
    public string Data => Path.Combine(Root, "data");
    public string Output => Path.Combine(Root, "output");

    public static ScriptWorkspace Create(string parent, Guid jobId, int attempt)
    {
        var root = Path.Combine(parent, $"{jobId:N}-{attempt}");
        if (Directory.Exists(root))
        {
            Directory.Delete(root, recursive: true);
        }

        return new ScriptWorkspace(root);
    }

    /// <summary>The full path for <paramref name="relative"/> inside <paramref name="folder"/>.</summary>
    /// <exception cref="Executors.JobInputException">The name would leave the folder.</exception>
    public static string Inside(string folder, string relative)
    {
        var full = Path.GetFullPath(Path.Combine(folder, relative));
        var root = Path.GetFullPath(folder) + Path.DirectorySeparatorChar;
        return full.StartsWith(root, StringComparison.Ordinal)
            ? full
            : throw new Executors.JobInputException($"'{relative}' would be written outside the job's folder; refused.");
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // Left for the OS's temp cleaning; the next attempt starts from a new folder anyway.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
