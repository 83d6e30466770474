namespace Platform.Api.Tests.Support;

public static class TestDevices
{
    /// <summary>A new device (its own key) talking to this in-memory Api.</summary>
    public static TestDevice NewDevice(this ApiFactory factory) => new(factory.CreateClient, factory.Authorized);
}
