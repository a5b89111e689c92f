// validate-openapi.mjs FILE - validates an OpenAPI 3.1 document with
// @apidevtools/swagger-parser (schema and $ref resolution); exit 0 valid,
// 1 invalid with the reason on stderr.
import SwaggerParser from "@apidevtools/swagger-parser";

const file = process.argv[2];
try {
	const api = await SwaggerParser.validate(file);
	const n = Object.keys(api.paths).length;
	console.log(`${file}: valid OpenAPI ${api.openapi}, ${n} paths`);
} catch (e) {
	console.error(`${file}: ${e.message}`);
	process.exit(1);
}
