namespace Platform.Edge.Models;

/// <summary>A downloaded file is not the one the manifest vouches for (size or SHA-256): it is deleted and never served.</summary>
internal sealed class ModelFileRejectedException(string message) : Exception(message);
