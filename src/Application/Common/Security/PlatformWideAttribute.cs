namespace Platform.Application.Common.Security;

/// <summary>
/// A request about the platform rather than one workspace (users, workspaces and their members, a person's own
/// tokens, the worker fleet): it runs outside every workspace, and the caller's platform roles are what count.
/// Every other request runs inside the workspace its route names (see <see cref="Behaviours.WorkspaceBehaviour{TMessage, TResponse}"/>).
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class PlatformWideAttribute : Attribute;
