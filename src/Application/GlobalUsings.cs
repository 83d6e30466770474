// Namespaces nearly every use case needs (its request and handler, validator, unit of work, roles, errors, paging),
// imported once for the project rather than at the top of each of its hundred use-case files.
global using FluentValidation;
global using Mediator;
global using Microsoft.EntityFrameworkCore;
global using Platform.Application.Common.Exceptions;
global using Platform.Application.Common.Interfaces;
global using Platform.Application.Common.Paging;
global using Platform.Application.Common.Security;
global using Platform.Application.Common.Validation;
global using Platform.Domain.Identity;
global using Platform.Domain.Workspaces;
