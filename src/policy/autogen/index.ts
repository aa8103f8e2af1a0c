export { AUTOGEN_ANNOTATION, autogenControllers, autogenRules, DEFAULT_CONTROLLERS } from './autogen.js';
