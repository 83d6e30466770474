namespace Platform.Web.Components.Shared;

/// <summary>Generated text that reads as English: "an Evaluate job", "1 line".</summary>
public static class Words
{
    /// <summary>"a" or "an" before <paramref name="word"/> (by its first letter: a vowel takes "an").</summary>
    public static string A(string word) => word.Length > 0 && "aeiouAEIOU".Contains(word[0]) ? "an " + word : "a " + word;

    /// <summary>"1 line", "2 lines": <paramref name="singular"/> with an s unless the count is one.</summary>
    public static string Count(long count, string singular) => $"{count:N0} {singular}{(count == 1 ? "" : "s")}";

    /// <summary>A duration as people say it: "45 s", "3 min 5 s", "2 h 10 min".</summary>
    public static string Duration(TimeSpan span) => span.TotalSeconds < 60 ? $"{Math.Max(0, span.TotalSeconds):0.#} s"
        : span.TotalMinutes < 60 ? $"{(int)span.TotalMinutes} min {span.Seconds} s"
        : $"{(int)span.TotalHours} h {span.Minutes} min";
}
