// The product's one name, on every surface: the menu, the sidebar's title and footer, the template,
// the HTML report and the Marketplace listing. A brand, so it is the same in Russian.

export const PRODUCT_NAME = "Sheets Retention";
