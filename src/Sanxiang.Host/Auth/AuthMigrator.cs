using Microsoft.Extensions.Options;
using Sanxiang.Kernel.Persistence;

namespace Sanxiang.Host.Auth;

public sealed class AuthMigrator(AuthDbContext db, IOptions<DatabaseOptions> options) : SqlMigrator(db, options, "auth");
