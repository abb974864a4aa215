// @ts-check
// Names each module of the API reference after its library (`kernel`, `personnel-api`, `grids-api`)
// instead of its entry file's folder (`kernel/src`), so that links read docs/api/kernel/….
import { Converter, ReflectionKind } from 'typedoc';

/** @param {import('typedoc').Application} app */
export function load(app) {
  app.converter.on(Converter.EVENT_RESOLVE_BEGIN, (context) => {
    for (const module of context.project.getChildrenByKind(ReflectionKind.Module)) {
      module.name = module.name.replace(/\/src$/, '');
    }
  });
}
