/** The sync protocol shared by the central API and the data host. */
export * from './protocol';
export * from './mutations';
export * from './entities';
