using Microsoft.Extensions.Options;
using Sanxiang.Kernel.Persistence;

namespace Sanxiang.Registry.Persistence;

internal sealed class RegistryMigrator(RegistryDbContext db, IOptions<DatabaseOptions> options) : SqlMigrator(db, options, RegistryDbContext.Module);
